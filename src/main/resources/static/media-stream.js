// Twilio's side of a Media Streams WebSocket, as the gateway expects it (DESIGN §8;
// twilio.com/docs/voice/media-streams/websocket-messages). We send `connected`, `start` (the call's token
// in start.customParameters, as TwiML's <Parameter> would put it), `media` every 20 ms, `mark` echoes and
// `stop`; the gateway sends `media`, `mark` and `clear`. Counters such as sequenceNumber, chunk and
// timestamp are strings on the wire, as Twilio sends them.

function randomHex(bytes) {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes) {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

export class MediaStream {
  /** handlers: onMedia(Uint8Array), onMark(name), onClear(), onClose(reason) */
  constructor(url, token, handlers) {
    this.url = url;
    this.token = token;
    this.handlers = handlers;
    this.streamSid = 'MZ' + randomHex(16); // Twilio's ids: two-letter prefix + 32 hex digits
    this.callSid = 'CA' + randomHex(16);
    this.sequence = 0;
    this.chunks = 0;
    this.socket = null;
  }

  /** Opens the socket and sends `connected` and `start`; resolves once the gateway may receive media. */
  open() {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.url);
      this.socket = socket;
      socket.onopen = () => {
        this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
        this.send({
          event: 'start',
          streamSid: this.streamSid,
          start: {
            accountSid: 'AC' + '0'.repeat(32),
            streamSid: this.streamSid,
            callSid: this.callSid,
            tracks: ['inbound'],
            customParameters: { token: this.token },
            mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
          },
        });
        resolve();
      };
      socket.onerror = () => reject(new Error(`WebSocket ${this.url} failed`));
      socket.onmessage = (event) => this.onMessage(JSON.parse(event.data));
      socket.onclose = (event) => this.handlers.onClose(event.reason || `closed (${event.code})`);
    });
  }

  onMessage(message) {
    switch (message.event) {
      case 'media':
        this.handlers.onMedia(fromBase64(message.media.payload));
        break;
      case 'mark':
        this.handlers.onMark(message.mark.name);
        break;
      case 'clear':
        this.handlers.onClear();
        break;
      default:
        console.warn('softphone: unexpected message from the gateway', message);
    }
  }

  /** One 20 ms frame of caller audio (160 μ-law bytes). */
  sendMedia(payload) {
    const chunk = ++this.chunks;
    this.send({
      event: 'media',
      streamSid: this.streamSid,
      media: {
        track: 'inbound',
        chunk: String(chunk),
        timestamp: String((chunk - 1) * 20), // ms since the stream started
        payload: toBase64(payload),
      },
    });
  }

  /** A key the caller pressed, as Twilio reports it (the gateway forwards keypad entries to the model). */
  sendDtmf(digit) {
    this.send({ event: 'dtmf', streamSid: this.streamSid, dtmf: { track: 'inbound_track', digit } });
  }

  /** Tells the gateway the audio before mark `name` has played (or was cleared). */
  echoMark(name) {
    this.send({ event: 'mark', streamSid: this.streamSid, mark: { name } });
  }

  /** Hang-up: `stop`, then close. The gateway ends the call on `stop`. */
  stop() {
    if (this.isOpen()) {
      this.send({ event: 'stop', streamSid: this.streamSid,
        stop: { accountSid: 'AC' + '0'.repeat(32), callSid: this.callSid } });
      this.socket.close(1000, 'caller hung up');
    }
  }

  isOpen() {
    return this.socket !== null && this.socket.readyState === WebSocket.OPEN;
  }

  send(message) {
    if (this.isOpen()) {
      this.socket.send(JSON.stringify({ ...message, sequenceNumber: String(++this.sequence) }));
    }
  }
}
