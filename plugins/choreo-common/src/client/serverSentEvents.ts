import { createParser } from 'eventsource-parser';

/** One server-sent event, its data parsed as JSON. */
export interface ServerSentEvent<T = unknown> {
  event: string;
  data: T;
}

/**
 * Reads a `text/event-stream` response body as events. Works with any fetch
 * (browser or Node), so streams can carry the caller's Authorization header,
 * which the browser's EventSource cannot.
 */
export async function* readServerSentEvents<T = unknown>(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent<T>> {
  const queue: ServerSentEvent<T>[] = [];
  const parser = createParser({
    onEvent: message => {
      queue.push({
        event: message.event ?? 'message',
        data: (message.data ? JSON.parse(message.data) : undefined) as T,
      });
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      while (queue.length) yield queue.shift()!;
    }
  } finally {
    reader.releaseLock();
  }
}
