import { describeAction } from './support';

describeAction('flows.import');
