import { MOCK_FOREIGN_APPLICATION_ID, MOCK_FOREIGN_FLOW_NAME, MOCK_FOREIGN_USER_ID } from './defaults';
import type { Dialect } from './dialect';
import { storedFlow, workflowDocument } from './documents';
import type { MockStore } from './store';

/** Another user's application holding one flow, which no credential of the mock user may reach. */
export function addForeignApplication(store: MockStore, dialect: Dialect): void {
  const application = store.addApplication(MOCK_FOREIGN_APPLICATION_ID, MOCK_FOREIGN_USER_ID);
  const now = dialect.date(Date.now());
  const flow = workflowDocument(
    { name: MOCK_FOREIGN_FLOW_NAME },
    { id: store.freshId(), applicationId: dialect.id(application.id), creationDate: now, lastUpdated: now },
  );
  store.putFlow(application, storedFlow(flow, dialect.json));
}
