// Vite's `?url` import of the pdf.js worker: the bundler emits the file and returns its URL.
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const url: string;
  export default url;
}
