// The dataset's record schemas are declared once, in the API (which validates the seed with them).
export * from '@tracker/api/schemas/dataset';
