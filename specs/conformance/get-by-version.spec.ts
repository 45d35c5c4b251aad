import { describeAction } from './support';

describeAction('flows.getByVersion');
