/*
 * The person picked for sample sign-in, kept across reloads of this browser
 * tab's origin so a reload signs in again; sign-out forgets it.
 */
const KEY = 'choreo.sampleSignIn.person';

export function storedSamplePick(): string | undefined {
  return window.localStorage.getItem(KEY) ?? undefined;
}

export function storeSamplePick(userEntityRef: string): void {
  window.localStorage.setItem(KEY, userEntityRef);
}

export function forgetSamplePick(): void {
  window.localStorage.removeItem(KEY);
}
