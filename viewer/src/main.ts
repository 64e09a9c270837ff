// Entry point of the viewer: start the app once the page is parsed.
import { App } from './app.js';

void new App().start();
