import { describeAction } from './support';

describeAction('flows.get');
