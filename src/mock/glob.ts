/** Decision 6's glob lives in the model; this re-export serves src/proxy until it imports the model. */
export { compileGlob } from '../model/resource/glob';
