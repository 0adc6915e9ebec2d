/**
 * A file the import cannot read: `unsupported` (wrong type or content, 415 at the API) or
 * `unreadable` (the right type but damaged or in an unknown encoding, 400). The message is for
 * people, in Chinese.
 */
export class PlanFileError extends Error {
  constructor(
    readonly reason: 'unsupported' | 'unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'PlanFileError';
  }
}
