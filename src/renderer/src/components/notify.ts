/** Short confirmations and errors of actions that have no form to show them in. */
import { notifications } from '@mantine/notifications';
import type { AppErrorShape } from '@shared/errors';
import { errorMessage } from '../i18n/errors';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}

export function notifyWarning(message: string): void {
  notifications.show({ color: 'yellow', message, autoClose: 6000 });
}

export function notifyError(error: AppErrorShape): void {
  notifications.show({ color: 'red', message: errorMessage(error), autoClose: 6000 });
}

/** When a user's session ends, what they were told goes too: the next person at the desk need not see it. */
export function clearNotifications(): void {
  notifications.clean();
}
