import { actionById, pathFor } from '../../specs/catalog';

export { actionById, pathFor };
