import { AppError } from '@shared/errors';

/** A channel of the aid contract whose service is being built (removed once every aid channel has one). */
export function notBuilt(): never {
  throw new AppError('NOT_IMPLEMENTED');
}
