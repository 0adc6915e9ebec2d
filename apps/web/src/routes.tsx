import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireSession } from './layout/AppLayout';

/* Each page is its own chunk: the first load fetches only the page opened. */
const LoginPage = lazy(() => import('./pages/LoginPage'));
const TodoPage = lazy(() => import('./pages/TodoPage'));
const PlansPage = lazy(() => import('./pages/PlansPage'));
const PlanPage = lazy(() => import('./pages/PlanPage'));
const ItemPage = lazy(() => import('./pages/ItemPage'));
const AssignmentPage = lazy(() => import('./pages/AssignmentPage'));
const ReportFormPage = lazy(() => import('./pages/ReportFormPage'));
const ImportPage = lazy(() => import('./pages/import/ImportPage'));
const SupervisionPage = lazy(() => import('./pages/SupervisionPage'));
const NoticesPage = lazy(() => import('./pages/NoticesPage'));
const NoticePage = lazy(() => import('./pages/NoticePage'));
const AnnualReportPage = lazy(() => import('./pages/AnnualReportPage'));
const AssessmentPage = lazy(() => import('./pages/AssessmentPage'));
const RemindersPage = lazy(() => import('./pages/RemindersPage'));
const UnitsAdminPage = lazy(() => import('./pages/admin/UnitsAdminPage'));
const GroupsAdminPage = lazy(() => import('./pages/admin/GroupsAdminPage'));
const UsersAdminPage = lazy(() => import('./pages/admin/UsersAdminPage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={null}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <TodoPage /> },
      { path: 'plans', element: <PlansPage /> },
      { path: 'plans/:id', element: <PlanPage /> },
      { path: 'items/:id', element: <ItemPage /> },
      { path: 'assignments/:id', element: <AssignmentPage /> },
      { path: 'assignments/:id/reports/new', element: <ReportFormPage /> },
      { path: 'reports/:reportId/edit', element: <ReportFormPage /> },
      { path: 'import', element: <ImportPage /> },
      { path: 'supervision', element: <SupervisionPage /> },
      { path: 'notices', element: <NoticesPage /> },
      { path: 'notices/:id', element: <NoticePage /> },
      { path: 'annual-report', element: <AnnualReportPage /> },
      { path: 'assessment', element: <AssessmentPage /> },
      { path: 'reminders', element: <RemindersPage /> },
      { path: 'admin/units', element: <UnitsAdminPage /> },
      { path: 'admin/groups', element: <GroupsAdminPage /> },
      { path: 'admin/users', element: <UsersAdminPage /> },
      { path: 'password', element: <PasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
