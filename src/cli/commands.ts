import type { Command } from "commander";
import type { Io } from "./io.js";
import { registerPredict } from "./predict.js";
import { registerEmbed } from "./embed.js";
import { registerAccelerators, registerModels } from "./catalog-lists.js";
import { registerDemo } from "./demo.js";
import { registerFrontier } from "./frontier.js";
import { registerOptimize } from "./optimize.js";
import { registerAccuracy } from "./accuracy.js";
import { registerBench } from "./bench.js";
import { registerMachine } from "./machine.js";
import { registerCalibrate } from "./calibrate.js";
import { registerServeGguf } from "./serve-gguf.js";
import { registerTrain } from "./train.js";
import { registerScaling } from "./scaling.js";
import { registerCapex } from "./capex.js";
import { registerMindshare } from "./mindshare.js";
import { registerPrices } from "./prices.js";
import { registerBill } from "./bill.js";
import { registerBreakeven } from "./breakeven.js";
import { registerIndex } from "./index-command.js";
import { registerKb } from "./kb.js";
import { registerWeb } from "./web.js";

/** Every command file exports one register function; this list is the CLI. */
export type RegisterCommand = (program: Command, io: Io) => void;

export const COMMANDS: RegisterCommand[] = [
  registerDemo,
  registerPredict,
  registerEmbed,
  registerModels,
  registerAccelerators,
  registerOptimize,
  registerFrontier,
  registerAccuracy,
  registerBench,
  registerMachine,
  registerCalibrate,
  registerServeGguf,
  registerTrain,
  registerScaling,
  registerCapex,
  registerMindshare,
  registerPrices,
  registerBill,
  registerBreakeven,
  registerIndex,
  registerKb,
  registerWeb,
];
