import { describeConsumerPact } from './support';

describeConsumerPact('flows.post');
