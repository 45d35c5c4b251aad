import { MOCK_FOREIGN_APPLICATION_ID, MOCK_FOREIGN_FLOW_NAME, MOCK_FOREIGN_USER_ID } from './defaults';
import { storedFlow, workflowDocument } from './documents';
import { nowIso } from './ids';
import type { MockStore } from './store';

/** Another user's application holding one flow, which no credential of the mock user may reach. */
export function addForeignApplication(store: MockStore): void {
  const application = store.addApplication(MOCK_FOREIGN_APPLICATION_ID, MOCK_FOREIGN_USER_ID);
  const now = nowIso();
  const flow = workflowDocument(
    { name: MOCK_FOREIGN_FLOW_NAME },
    { id: store.freshId(), applicationId: application.id, creationDate: now, lastUpdated: now },
  );
  store.putFlow(application, storedFlow(flow));
}
