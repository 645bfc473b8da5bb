// @ts-check
// Sends one of the player's commands and says how it went.

import { act } from "../../net/connection.js";
import { errorText } from "../../net/replies.js";
import { toast } from "../../ui/dom.js";

export async function playerCommand(ctx, command, success) {
  const result = await act(ctx.seat.token, command);
  if (!result.ok) toast(errorText(result), "error");
  else toast(success);
  ctx.refreshView();
  return result.ok;
}
