import type { RouteObject } from 'react-router';
import { PaymentPage } from '../../features/aid/PaymentPage';
import { RequireRole } from './guards';

/**
 * Aid pages reached from a record rather than from the navigation (a file's payments, the payments list): one
 * payment. Kept apart from AREAS, whose entries are the navbar's.
 */
export const AID_FILE_ROUTES: RouteObject[] = [
  {
    path: 'aid/payments/:paymentId',
    element: (
      <RequireRole role="viewer">
        <PaymentPage />
      </RequireRole>
    ),
  },
];
