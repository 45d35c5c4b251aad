import { describeConsumerPact } from './support';

describeConsumerPact('flows.getByVersion');
