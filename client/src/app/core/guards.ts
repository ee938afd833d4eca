import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { UserRight } from '@shoal/models';
import { AuthService } from './auth.service';

/** Sends anonymous visitors to the login page, then back where they were going. */
export const loggedInGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthService).loggedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { redirect: state.url } });
};

export function rightGuard(right: UserRight): CanActivateFn {
  return (route, state) => {
    const auth = inject(AuthService);
    if (!auth.loggedIn()) return loggedInGuard(route, state);
    return auth.hasRight(right) ? true : inject(Router).createUrlTree(['/']);
  };
}
