// @ts-check
// The instructor's seat panel: students waiting for a seat (approve into their old seat or any role, or refuse),
// moving a student to another role, and handing a role to a bot once the games run. It draws from the class as
// the class room last read it, and from the class each of its own answers returns.

import { plainNames } from "../../game/names.js";
import { call } from "../../net/connection.js";
import { errorText } from "../../net/replies.js";
import { h, replaceIfChanged, toast } from "../../ui/dom.js";

/** @import { Names } from "../../types.js" */

const BOTS = ["conceder", "boulware", "linear", "tit-for-tat"];

/**
 * @param {string} token the instructor key
 * @param {() => void} onChange asks the class room to read the class again
 */
export function buildSeatsPanel(token, onChange) {
  const requests = h("ul", { class: "seat-requests", testid: "seat-requests" });
  const roles = h("tbody", {});
  const move = h("div", { class: "seat-move" });
  const node = h("section", { class: "card seats-panel", testid: "seats-panel" },
    h("h2", { text: "Seats" }),
    h("h3", { text: "Waiting for a seat" }), requests,
    h("h3", { text: "Who plays each role" }),
    h("div", { class: "table-scroll" },
      h("table", { testid: "seat-roles" },
        h("thead", {}, h("tr", {}, ...["Game", "Party", "Played by", ""].map(text => h("th", { scope: "col", text })))),
        roles)),
    h("h3", { text: "Move a student" }), move);

  /** @type {any} */
  let cls = null;
  /** @type {Names} */
  let names = plainNames;

  /**
   * @param {any} summary the class as getClass or a seat method returns it
   * @param {Names} [classNames]
   */
  function update(summary, classNames = names) {
    cls = summary;
    names = classNames;
    const key = [cls.seatRequests, cls.roster, cls.bots, cls.started, names !== plainNames];
    replaceIfChanged(requests, key, () => renderRequests());
    replaceIfChanged(roles, key, () => renderRoles());
    replaceIfChanged(move, key, () => renderMove());
  }

  async function change(method, request, done) {
    const result = await call(method, { token, ...request });
    if (!result.ok) {
      toast(errorText(result), "error");
      return;
    }
    toast(done);
    if (result.class) update(result.class);
    onChange();
  }

  const roleList = () => cls.joinCodes.filter(code => code.gameId && code.partyId).map(code => ({ gameId: code.gameId, partyId: code.partyId }));
  const studentsIn = role => cls.roster.filter(seat => seat.gameId === role.gameId && seat.partyId === role.partyId);
  const botIn = role => cls.bots?.[`${role.gameId}/${role.partyId}`];
  const roleName = role => `${names.party(role.partyId)} · ${role.gameId}`;
  const roleValue = role => `${role.gameId}/${role.partyId}`;

  function playedBy(role) {
    const bot = botIn(role);
    if (bot) return `bot (${bot})`;
    const students = studentsIn(role).map(seat => seat.displayName);
    return students.length ? students.join(", ") : "nobody";
  }

  function roleOption(role, selected) {
    const bot = botIn(role);
    const note = bot ? ` — the bot (${bot}) hands over` : ` — ${playedBy(role)}`;
    return h("option", { value: `role:${roleValue(role)}`, text: roleName(role) + note, selected });
  }

  function renderRequests() {
    const open = cls.seatRequests ?? [];
    if (!open.length) return [h("li", { class: "muted", text: "Nobody is waiting." })];
    return open.map(request => {
      const ownRole = request.gameId && request.partyId ? { gameId: request.gameId, partyId: request.partyId } : null;
      const seat = request.seatId ? cls.roster.find(s => s.seatId === request.seatId) : null;
      const wanted = seat ? `asks for their seat back: ${roleName(seat)}` : ownRole ? `asks for a seat as ${roleName(ownRole)}` : "asks for a seat (lobby code)";
      // Their own seat first, then the role of their code, then a role a bot plays (a latecomer replacing it).
      const firstBotRole = roleList().find(role => botIn(role));
      const preferred = ownRole ?? firstBotRole;
      const target = h("select", { "aria-label": `Seat for ${request.displayName}`, testid: "seat-request-target" },
        seat ? h("option", { value: `seat:${seat.seatId}`, text: `Their seat (${roleName(seat)})`, selected: true }) : null,
        ...roleList().map(role => roleOption(role, !seat && preferred != null && roleValue(role) === roleValue(preferred))));
      const approve = () => {
        const [kind, value] = target.value.split(/:(.*)/s);
        const [gameId, partyId] = value.split("/");
        const where = kind === "seat" ? { seatId: value } : { gameId, partyId };
        return change("answerSeatRequest", { requestId: request.requestId, approve: true, ...where }, `${request.displayName} is seated.`);
      };
      const refuse = () => change("answerSeatRequest", { requestId: request.requestId, approve: false }, `${request.displayName} was refused.`);
      return h("li", { class: "seat-request", testid: "seat-request", "data-name": request.displayName },
        h("strong", { text: request.displayName }), ` ${wanted}`,
        h("div", { class: "row wrap" }, target,
          h("button", { type: "button", class: "small primary", text: "Approve", testid: "seat-approve", onclick: approve }),
          h("button", { type: "button", class: "small", text: "Refuse", testid: "seat-refuse", onclick: refuse })));
    });
  }

  function renderRoles() {
    return roleList().map(role => {
      const students = studentsIn(role);
      const cells = [h("td", { text: role.gameId }), h("td", { class: "party-tag", party: role.partyId, text: names.party(role.partyId) }), h("td", { text: playedBy(role) })];
      if (!cls.started || botIn(role)) return h("tr", {}, ...cells, h("td", {}));
      const strategy = h("select", { "aria-label": `Bot for ${roleName(role)}` }, ...BOTS.map(bot => h("option", { value: bot, text: bot })));
      const takeOver = () => {
        const leaving = students.map(seat => seat.displayName).join(", ");
        if (leaving && !confirm(`A bot plays ${roleName(role)} from now on; ${leaving} leave the roster. Go on?`)) return;
        return change("setBot", { gameId: role.gameId, partyId: role.partyId, bot: strategy.value }, `A bot plays ${roleName(role)}.`);
      };
      return h("tr", {}, ...cells, h("td", {}, h("div", { class: "row" }, strategy,
        h("button", { type: "button", class: "small", text: "Bot plays it", testid: `set-bot-${role.gameId}-${role.partyId}`, onclick: takeOver }))));
    });
  }

  function renderMove() {
    if (!cls.roster.length) return [h("p", { class: "muted", text: "Nobody has joined yet." })];
    const student = h("select", { "aria-label": "Student", testid: "move-student" },
      ...cls.roster.map(seat => h("option", { value: seat.seatId, text: `${seat.displayName} (${roleName(seat)})` })));
    const target = h("select", { "aria-label": "New role", testid: "move-target" }, ...roleList().map(role => roleOption(role, false)));
    const moveNow = () => {
      const seat = cls.roster.find(s => s.seatId === student.value);
      const [gameId, partyId] = target.value.replace(/^role:/, "").split("/");
      if (!seat) return;
      return change("moveSeat", { seatId: seat.seatId, gameId, partyId }, `${seat.displayName} now plays ${roleName({ gameId, partyId })}.`);
    };
    return [h("div", { class: "row wrap" }, student, h("span", { text: "to" }), target,
      h("button", { type: "button", class: "small", text: "Move", testid: "move-submit", onclick: moveNow }))];
  }

  return { node, update };
}
