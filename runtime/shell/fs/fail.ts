import { FsError, type Errno } from './errors';

/** Throws the FsError `code`; typed `never` so that a call can end a branch. */
export const fail = (code: Errno): never => {
  throw new FsError(code);
};
