import { useState } from 'react';
import { createHashRouter, RouterProvider, type RouteObject } from 'react-router';
import { AID_FILE_ROUTES } from './aid-file-routes';
import { AREAS } from './areas';
import { NotFoundPage, RequireRole } from './guards';
import { ShellLayout } from './ShellLayout';

// Hash routing: Electron serves the app from a custom protocol, where path-based history cannot be resolved.
const routes: RouteObject[] = [
  {
    path: '/',
    element: <ShellLayout />,
    children: [
      ...AREAS.flatMap((area): RouteObject[] => [
        area.path === ''
          ? { index: true, element: <RequireRole role={area.role}>{area.page}</RequireRole> }
          : { path: area.path, element: <RequireRole role={area.role}>{area.page}</RequireRole> },
        ...(area.subPages ?? []).map((sub) => ({
          path: `${area.path}/${sub.path}`,
          element: <RequireRole role={sub.role ?? area.role}>{sub.page}</RequireRole>,
        })),
      ]),
      ...AID_FILE_ROUTES,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** Created once per signed-in user (SessionGate keys it by user id); survives lock and unlock untouched. */
export function AppRouter() {
  const [router] = useState(() => createHashRouter(routes));
  return <RouterProvider router={router} />;
}
