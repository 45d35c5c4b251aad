import { describeAction } from './support';

describeAction('flows.post');
