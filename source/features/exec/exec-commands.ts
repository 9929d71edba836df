// `:pf` (`:portforwards`): the port forwards of this session, from any view.
import { registerCommand, viewCommand } from "../commands/commands.js";

registerCommand(viewCommand("portforwards", ["pf"], "Port forwards of this session"));
