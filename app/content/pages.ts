// The shape of an information page's text: sections of a heading and paragraphs.

export interface TextSection {
  heading: string;
  paragraphs: string[];
}
