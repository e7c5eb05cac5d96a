/**
 * Reads a server-sent event stream as a browser's EventSource would, in the background, and
 * hands each complete event (its `event:` name and parsed JSON `data:`) to `onEvent`. Ends
 * quietly when the stream ends or is aborted.
 */
export function readServerEvents(body: ReadableStream<Uint8Array>, onEvent: (event: string, data: any) => void): void {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) onEvent(event, JSON.parse(data));
      }
    }
  })();
}
