import { useState } from 'react';
import { ShownOutcome } from './ActionOutcomeAlert';
import { newIdempotencyKey } from './newIdempotencyKey';
import { messageOf, statusCodeOf } from './responseErrors';

export interface Confirmation<T> {
  /** What the open dialog asks to confirm. */
  subject: T;
  /** Sent with every attempt of this very write, so the backend applies it once. */
  idempotencyKey: string;
  /** Why the last attempt got no answer; the dialog stays open to try again. */
  error?: string;
  /** What the user must know before confirming again (the subject changed: e.g. a take-over). */
  notice?: string;
}

/** A refused write the user may confirm differently: the new subject and what to tell them. */
export type AskAgain<T> = (
  subject: T,
  error: unknown,
) => { subject: T; notice: string } | undefined;

/**
 * A confirmation dialog's write. Each subject gets its own idempotency key;
 * when an attempt gets no answer (the network failed, perhaps after the
 * write was applied), the dialog stays open and trying again sends the same
 * key, so the change is made at most once. Any answer closes it and becomes
 * the outcome, unless `askAgain` turns a refusal into a new question (a
 * field another manager owns: take it over?).
 */
export function useConfirmedWrite<T>(
  onOutcome: (o: ShownOutcome) => void,
  /** Keeps the dialog open with a new subject instead of showing the refusal. */
  askAgain?: AskAgain<T>,
) {
  const [current, setCurrent] = useState<Confirmation<T>>();
  const [busy, setBusy] = useState(false);

  const confirm = async (
    /** What failed, for the message: "Roll back", "Approval". */
    label: string,
    write: (subject: T, idempotencyKey: string) => Promise<ShownOutcome>,
  ) => {
    if (!current) return;
    setBusy(true);
    try {
      onOutcome(await write(current.subject, current.idempotencyKey));
      setCurrent(undefined);
    } catch (e) {
      const again = askAgain?.(current.subject, e);
      if (again) {
        // a different write: its own key
        setCurrent({
          subject: again.subject,
          idempotencyKey: newIdempotencyKey(),
          notice: again.notice,
        });
      } else if (statusCodeOf(e) === undefined) {
        setCurrent({
          ...current,
          error: `No answer from the portal (${messageOf(
            e,
          )}): the change may or may not have been made. Try again: it is made at most once.`,
        });
      } else {
        onOutcome({
          status: 'danger',
          title: `${label} failed: ${messageOf(e)}`,
          warnings: [],
        });
        setCurrent(undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  return {
    current,
    busy,
    /** Opens the dialog for `subject`; a changed subject is a new write with a new key. */
    open: (subject: T) =>
      setCurrent({ subject, idempotencyKey: newIdempotencyKey() }),
    cancel: () => setCurrent(undefined),
    confirm,
  };
}
