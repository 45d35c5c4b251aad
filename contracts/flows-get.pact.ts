import { describeConsumerPact } from './support';

describeConsumerPact('flows.get');
