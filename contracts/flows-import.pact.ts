import { describeConsumerPact } from './support';

describeConsumerPact('flows.import');
