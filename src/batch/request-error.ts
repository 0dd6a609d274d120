/** RequestError is a request the renderer cannot run; helm carries Helm's message when there is one. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly helm?: string,
    readonly kind: string = 'values',
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
