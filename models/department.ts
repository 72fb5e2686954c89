import { Schema } from "mongoose";
import { baseOptions, defineModel, type ObjectId } from "./shared";

export interface Department {
  publicBodyId: ObjectId;
  name: string;
  slug: string;
  /** Areas (verksamhetsområden) this department is suggested for when routing. */
  areas: string[];
}

const schema = new Schema<Department>(
  {
    publicBodyId: { type: Schema.Types.ObjectId, required: true, ref: "PublicBody" },
    name: { type: String, required: true },
    slug: { type: String, required: true },
    areas: { type: [String], default: [] },
  },
  baseOptions,
);
schema.index({ publicBodyId: 1, slug: 1 }, { unique: true });

export const DepartmentModel = defineModel("Department", schema);
