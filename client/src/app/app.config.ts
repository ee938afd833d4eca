import { provideAppInitializer, inject, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { routes } from './app.routes';
import { AuthService } from './core/auth.service';
import { ServerConfigService } from './core/server-config.service';

export const appConfig: ApplicationConfig = {
  providers: [
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    // The header needs to know who is logged in before the first render; the config is awaited lazily.
    provideAppInitializer(() => {
      void inject(ServerConfigService).load();
      return inject(AuthService).restore();
    }),
  ],
};
