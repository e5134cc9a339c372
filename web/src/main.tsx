import { createRoot } from 'react-dom/client';

import { createApp } from '@/app/create-app';
import { AppProvider } from '@/app/provider';

import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const { queryClient, router } = createApp();
createRoot(root).render(<AppProvider queryClient={queryClient} router={router} />);
