import { useLocation, useNavigate, useSearchParams } from 'react-router';

import { AuthLayout } from '@/components/layouts/auth-layout';
import { Alert } from '@/components/ui/alert';
import { defaultSignedInPath, paths } from '@/config/paths';
import { LoginForm } from '@/features/auth/components/login-form';
import type { LoginRedirectState } from '@/features/auth/components/require-auth';

/** Where to go after signing in: the page that sent us here, if it was a real in-app page. */
function returnPath(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  if (!from || typeof from.pathname !== 'string' || !from.pathname.startsWith('/')) {
    return defaultSignedInPath;
  }
  if (from.pathname === paths.login || from.pathname.startsWith('//')) return defaultSignedInPath;
  return `${from.pathname}${from.search ?? ''}${from.hash ?? ''}`;
}

export function LoginRoute() {
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const expired = searchParams.get('expired') === '1';

  return (
    <AuthLayout title="Sign in">
      {expired ? (
        <Alert tone="info">Your session has expired. Please sign in again.</Alert>
      ) : null}
      <LoginForm onSuccess={() => void navigate(returnPath(location.state), { replace: true })} />
    </AuthLayout>
  );
}
