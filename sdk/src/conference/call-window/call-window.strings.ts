// The call window's strings ("Arbeitsfenster"), one group per language.
export interface CallWindowStrings {
  windowLabel: (name: string) => string;
  connecting: string;
  waitingFor: (name: string) => string;
  reconnecting: string;
  partnerLeft: (name: string) => string;
  connectionFailed: string;
  callEnded: string;
  close: string;
  cameraOff: string;
  cameraOn: string;
  micOff: string;
  micOn: string;
  shareScreen: string;
  stopSharing: string;
  fullscreen: string;
  exitFullscreen: string;
  endCall: string;
  moreOptions: string;
  controls: string;
  ownVideo: string;
  ownVideoHint: string;
  partnerVideo: (name: string) => string;
  partnerScreen: (name: string) => string;
  partnerMicMuted: (name: string) => string;
  partnerCameraOff: (name: string) => string;
  partnerSharing: (name: string) => string;
  youAreSharing: string;
  yourCameraIsOff: string;
  camera: string;
  microphone: string;
  speaker: string;
  micLevel: string;
  micTestHint: string;
  playTestSound: string;
  noDevice: string;
  enableAudio: string;
  problem: Record<'camera' | 'microphone' | 'screen', Record<'permission_denied' | 'no_device' | 'in_use' | 'other', string>>;
}

export const callWindowDe: CallWindowStrings = {
  windowLabel: (name) => `Videocall mit ${name}`,
  connecting: 'Verbindung wird aufgebaut …',
  waitingFor: (name) => `Warten auf ${name} …`,
  reconnecting: 'Verbindung unterbrochen. Neuer Versuch …',
  partnerLeft: (name) => `${name} hat das Gespräch verlassen.`,
  connectionFailed: 'Die Verbindung ist fehlgeschlagen.',
  callEnded: 'Das Gespräch wurde beendet.',
  close: 'Schließen',
  cameraOff: 'Kamera ausschalten',
  cameraOn: 'Kamera einschalten',
  micOff: 'Mikrofon stummschalten',
  micOn: 'Mikrofon einschalten',
  shareScreen: 'Bildschirm teilen',
  stopSharing: 'Bildschirmfreigabe beenden',
  fullscreen: 'Vollbild-Modus',
  exitFullscreen: 'Vollbild-Modus beenden',
  endCall: 'Gespräch beenden',
  moreOptions: 'Weitere Optionen',
  controls: 'Gesprächssteuerung',
  ownVideo: 'Eigene Videoansicht',
  ownVideoHint: 'Mit den Pfeiltasten in eine andere Ecke verschieben',
  partnerVideo: (name) => `Videoansicht von ${name}`,
  partnerScreen: (name) => `Bildschirm von ${name}`,
  partnerMicMuted: (name) => `${name} hat das Mikrofon stummgeschaltet`,
  partnerCameraOff: (name) => `${name} hat die Kamera ausgeschaltet`,
  partnerSharing: (name) => `${name} teilt den Bildschirm`,
  youAreSharing: 'Sie teilen Ihren Bildschirm',
  yourCameraIsOff: 'Ihre Kamera ist aus',
  camera: 'Kamera',
  microphone: 'Mikrofon',
  speaker: 'Lautsprecher',
  micLevel: 'Mikrofonpegel',
  micTestHint: 'Sprechen Sie: der Pegel zeigt, was Ihr Mikrofon hört.',
  playTestSound: 'Testton abspielen',
  noDevice: 'Kein Gerät gefunden',
  enableAudio: 'Ton einschalten',
  problem: {
    camera: {
      permission_denied: 'Kein Zugriff auf die Kamera. Bitte erlauben Sie ihn in den Einstellungen Ihres Browsers.',
      no_device: 'Es wurde keine Kamera gefunden.',
      in_use: 'Die Kamera wird gerade von einem anderen Programm verwendet.',
      other: 'Die Kamera konnte nicht gestartet werden.',
    },
    microphone: {
      permission_denied: 'Kein Zugriff auf das Mikrofon. Bitte erlauben Sie ihn in den Einstellungen Ihres Browsers.',
      no_device: 'Es wurde kein Mikrofon gefunden.',
      in_use: 'Das Mikrofon wird gerade von einem anderen Programm verwendet.',
      other: 'Das Mikrofon konnte nicht gestartet werden.',
    },
    screen: {
      permission_denied: 'Die Bildschirmfreigabe ist nicht erlaubt.',
      no_device: 'Es gibt keinen Bildschirm, der geteilt werden kann.',
      in_use: 'Der Bildschirm kann gerade nicht geteilt werden.',
      other: 'Die Bildschirmfreigabe konnte nicht gestartet werden.',
    },
  },
};

export const callWindowEn: CallWindowStrings = {
  windowLabel: (name) => `Video call with ${name}`,
  connecting: 'Connecting …',
  waitingFor: (name) => `Waiting for ${name} …`,
  reconnecting: 'Connection lost. Reconnecting …',
  partnerLeft: (name) => `${name} left the call.`,
  connectionFailed: 'The connection failed.',
  callEnded: 'The call has ended.',
  close: 'Close',
  cameraOff: 'Turn camera off',
  cameraOn: 'Turn camera on',
  micOff: 'Mute microphone',
  micOn: 'Unmute microphone',
  shareScreen: 'Share screen',
  stopSharing: 'Stop sharing',
  fullscreen: 'Full screen',
  exitFullscreen: 'Exit full screen',
  endCall: 'End call',
  moreOptions: 'More options',
  controls: 'Call controls',
  ownVideo: 'Your video',
  ownVideoHint: 'Move it to another corner with the arrow keys',
  partnerVideo: (name) => `Video of ${name}`,
  partnerScreen: (name) => `Screen of ${name}`,
  partnerMicMuted: (name) => `${name} muted their microphone`,
  partnerCameraOff: (name) => `${name} turned their camera off`,
  partnerSharing: (name) => `${name} is sharing their screen`,
  youAreSharing: 'You are sharing your screen',
  yourCameraIsOff: 'Your camera is off',
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  micLevel: 'Microphone level',
  micTestHint: 'Speak: the level shows what your microphone hears.',
  playTestSound: 'Play test sound',
  noDevice: 'No device found',
  enableAudio: 'Turn sound on',
  problem: {
    camera: {
      permission_denied: 'No access to the camera. Please allow it in your browser settings.',
      no_device: 'No camera was found.',
      in_use: 'The camera is in use by another program.',
      other: 'The camera could not be started.',
    },
    microphone: {
      permission_denied: 'No access to the microphone. Please allow it in your browser settings.',
      no_device: 'No microphone was found.',
      in_use: 'The microphone is in use by another program.',
      other: 'The microphone could not be started.',
    },
    screen: {
      permission_denied: 'Screen sharing is not allowed.',
      no_device: 'There is no screen to share.',
      in_use: 'The screen cannot be shared right now.',
      other: 'Screen sharing could not be started.',
    },
  },
};
