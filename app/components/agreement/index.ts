// The agreement page, split by stage like domain/agreements/.
export { AgreementPage } from "./page";
export type { AgreementPageData } from "./shared";
