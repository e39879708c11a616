// The independent LoRaWAN peer of the host tests: lora-packet (npm) driven through stdin/stdout.
// Input: one JSON object {op, items:[...]}; output: one JSON array, one answer per item, in order.
// Hex everywhere; ids and counters as they read (big-endian), fcnt32 as a number.
"use strict";
const lp = require("lora-packet");

const hex = (b) => Buffer.from(b).toString("hex");
const buf = (h) => Buffer.from(h || "", "hex");
const msb = (fcnt32) => { const b = Buffer.alloc(2); b.writeUInt16LE((fcnt32 >>> 16) & 0xffff, 0); return b; };

function describe(p) {
  const b = p.getBuffers();
  return {
    mtype: p.getMType(),
    devAddr: hex(b.DevAddr),
    fcnt: p.getFCnt(),
    fport: p.getFPort(),
    fctrl: { ADR: p.getFCtrlADR(), ACK: p.getFCtrlACK(), ADRACKReq: p.getFCtrlADRACKReq(), FPending: p.getFCtrlFPending() },
    fopts: hex(b.FOpts || Buffer.alloc(0)),
  };
}

const ops = {
  // A data frame we built: is its MIC right, and what do its fields and payload read as?
  verifyData(it) {
    const p = lp.fromWire(buf(it.phy));
    const d = describe(p);
    d.micOk = lp.verifyMIC(p, buf(it.nwkSKey), undefined, msb(it.fcnt32));
    d.payload = p.getFPort() === null ? "" : hex(lp.decrypt(p, buf(it.appSKey), buf(it.nwkSKey), msb(it.fcnt32)));
    return d;
  },
  // A data frame for us to accept (downlinks, with MAC commands in FOpts or on port 0).
  buildData(it) {
    const fields = {
      MType: it.mtype,
      DevAddr: buf(it.devAddr),
      FCtrl: it.fctrl,
      FCnt: it.fcnt32 & 0xffff,
      FPort: it.fport,
      FOpts: buf(it.fopts),
      payload: buf(it.payload),
    };
    const p = lp.fromFields(fields, buf(it.appSKey), buf(it.nwkSKey), undefined, msb(it.fcnt32));
    return { phy: hex(p.getPHYPayload()) };
  },
  buildJoinAccept(it) {
    const p = lp.fromFields({
      MType: "Join Accept",
      AppNonce: buf(it.appNonce),
      NetID: buf(it.netId),
      DevAddr: buf(it.devAddr),
      DLSettings: it.dlSettings,
      RxDelay: it.rxDelay,
      CFList: buf(it.cfList),
    }, undefined, undefined, buf(it.appKey));
    const keys = lp.generateSessionKeys10(buf(it.appKey), buf(it.netId), buf(it.appNonce), buf(it.devNonce));
    return { phy: hex(p.getPHYPayload()), nwkSKey: hex(keys.NwkSKey), appSKey: hex(keys.AppSKey) };
  },
  verifyJoinRequest(it) {
    const p = lp.fromWire(buf(it.phy));
    const b = p.getBuffers();
    return {
      mtype: p.getMType(),
      appEui: hex(b.AppEUI),
      devEui: hex(b.DevEUI),
      devNonce: hex(b.DevNonce),
      micOk: lp.verifyMIC(p, undefined, buf(it.appKey)),
    };
  },
};

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => { input += c; });
process.stdin.on("end", () => {
  const req = JSON.parse(input);
  const f = ops[req.op];
  if (!f) { process.stderr.write("peer: unknown op " + req.op + "\n"); process.exit(2); }
  const out = req.items.map((it) => { try { return f(it); } catch (e) { return { error: String(e.message || e) }; } });
  process.stdout.write(JSON.stringify(out));
});
