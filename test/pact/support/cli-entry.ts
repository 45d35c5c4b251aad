import { main } from '../../../src/cli/main';

void main(process.argv);
