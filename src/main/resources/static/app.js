// Softphone entry module: wires the page (filled in with the audio modules in the next step).
import {} from '/static/app.js';
