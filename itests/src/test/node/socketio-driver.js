// A Socket.IO client the integration tests drive over stdin/stdout, one JSON object per line.
// In:  {"cmd":"connect","url":"http://127.0.0.1:8181/sessions","token":"...","header":false,"transports":["polling","websocket"]}
//      {"cmd":"emit","event":"join","args":{...},"ack":7}   (ack: an id to answer with, or absent for no acknowledgement)
//      {"cmd":"raw","event":"flood","count":500}             (emits without acknowledgements, as fast as possible)
//      {"cmd":"disconnect"}
// Out: {"type":"connect","transport":"polling"}, {"type":"upgrade","transport":"websocket"},
//      {"type":"connect_error","message":"...","data":{...}}, {"type":"event","name":"vote_cast","body":{...}},
//      {"type":"ack","ack":7,"body":{...}}, {"type":"disconnect","reason":"..."}
const { io } = require("socket.io-client");
const readline = require("readline");

let socket = null;
const out = (message) => process.stdout.write(JSON.stringify(message) + "\n");

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const command = JSON.parse(line);
  switch (command.cmd) {
    case "connect": {
      const options = { reconnection: false, transports: command.transports || ["polling", "websocket"] };
      if (command.header) {
        options.extraHeaders = { Authorization: "Bearer " + command.token };
      } else if (command.token !== undefined) {
        options.auth = { token: command.token };
      }
      socket = io(command.url, options);
      socket.on("connect", () => {
        out({ type: "connect", transport: socket.io.engine.transport.name });
        socket.io.engine.once("upgrade", () => out({ type: "upgrade", transport: socket.io.engine.transport.name }));
      });
      socket.on("connect_error", (error) => out({ type: "connect_error", message: error.message, data: error.data || null }));
      socket.on("disconnect", (reason) => out({ type: "disconnect", reason }));
      socket.onAny((name, body) => out({ type: "event", name, body }));
      break;
    }
    case "emit":
      if (command.ack === undefined) {
        socket.emit(command.event, command.args);
      } else {
        socket.emit(command.event, command.args, (body) => out({ type: "ack", ack: command.ack, body }));
      }
      break;
    case "raw":
      for (let i = 0; i < command.count; i++) {
        socket.emit(command.event, command.args || {});
      }
      break;
    case "disconnect":
      socket.disconnect();
      break;
    default:
      out({ type: "driver_error", message: "unknown command " + command.cmd });
  }
});
process.stdin.on("end", () => process.exit(0));
