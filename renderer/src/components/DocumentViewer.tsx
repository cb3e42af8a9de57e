/**
 * The large document viewer: JPEG scans and PDFs (pdf.js), zoom, rotate, fit-to-window and full screen. The document
 * bytes come from the backend; nothing is fetched from the network by the renderer.
 */
import { ActionIcon, Alert, Box, Center, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowAutofitHeight, IconChevronLeft, IconChevronRight, IconMaximize, IconRotateClockwise, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';
import { openPdf } from './pdf/pdfjs';
import { useDocumentBytes, type DocumentState, type LoadedDocument } from './useDocumentBytes';

export interface DocumentViewerProps {
  sha256: string | null;
  /** Bytes the caller already has (e.g. the regenerated contract PDF); used instead of `sha256`. */
  inline?: LoadedDocument;
  title?: string;
  /** A fixed height of the document area, or `fill`: take the rest of a flex column. */
  height?: string;
  fill?: boolean;
  /** Extra controls at the right of the toolbar (e.g. the review buttons). */
  toolbar?: ReactNode;
}

interface View {
  zoom: number;
  rotation: number;
  fit: boolean;
}

const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4];
const nextZoom = (z: number, dir: 1 | -1) => (dir > 0 ? ZOOM_STEPS.find((s) => s > z + 0.01) ?? z : [...ZOOM_STEPS].reverse().find((s) => s < z - 0.01) ?? z);

export function DocumentViewer({ sha256, inline, title, height, fill, toolbar }: DocumentViewerProps) {
  const { t } = useTranslation('components');
  const frameRef = useRef<HTMLDivElement>(null);
  const stored = useDocumentBytes(inline ? null : sha256);
  const state: DocumentState = inline ? { status: 'ready', doc: inline } : stored;
  const [view, setView] = useState<View>({ zoom: 1, rotation: 0, fit: true });
  const shown = inline?.url ?? sha256;
  const [resetFor, setResetFor] = useState(shown);
  if (resetFor !== shown) {
    setResetFor(shown);
    setView({ zoom: 1, rotation: 0, fit: true });
  }
  const zoom = (dir: 1 | -1) => setView((v) => ({ ...v, fit: false, zoom: nextZoom(v.zoom, dir) }));
  return (
    <Stack
      ref={frameRef}
      gap={0}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden', background: 'var(--mantine-color-body)', ...(fill ? { flex: 1, minWidth: 0, minHeight: 0 } : {}) }}
      aria-label={title}
    >
      <Group justify="space-between" px="sm" py={4} wrap="nowrap" style={{ background: 'var(--mantine-color-gray-0)', borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group gap={4} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
          <Tooltip label={t('viewer.zoomOut')}>
            <ActionIcon variant="subtle" aria-label={t('viewer.zoomOut')} onClick={() => zoom(-1)}>
              <IconZoomOut size={18} />
            </ActionIcon>
          </Tooltip>
          <Text size="sm" w={48} ta="center">
            {view.fit ? '⤢' : `${Math.round(view.zoom * 100)}%`}
          </Text>
          <Tooltip label={t('viewer.zoomIn')}>
            <ActionIcon variant="subtle" aria-label={t('viewer.zoomIn')} onClick={() => zoom(1)}>
              <IconZoomIn size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('viewer.fit')}>
            <ActionIcon variant={view.fit ? 'light' : 'subtle'} aria-label={t('viewer.fit')} onClick={() => setView((v) => ({ ...v, fit: true, zoom: 1 }))}>
              <IconArrowAutofitHeight size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('viewer.rotate')}>
            <ActionIcon variant="subtle" aria-label={t('viewer.rotate')} onClick={() => setView((v) => ({ ...v, rotation: (v.rotation + 90) % 360 }))}>
              <IconRotateClockwise size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('viewer.fullscreen')}>
            <ActionIcon
              variant="subtle"
              aria-label={t('viewer.fullscreen')}
              onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : frameRef.current?.requestFullscreen())}
            >
              <IconMaximize size={18} />
            </ActionIcon>
          </Tooltip>
          {title && (
            <Text size="sm" fw={600} ml="sm" lineClamp={1} title={title} style={{ minWidth: 0 }}>
              {title}
            </Text>
          )}
        </Group>
        {toolbar}
      </Group>
      <Box style={{ ...(fill ? { flex: 1, minHeight: 0 } : { height }), overflow: 'auto', background: 'var(--mantine-color-gray-2)' }} data-testid="document-view">
        {!shown ? null : state.status === 'ready' ? (
          state.doc.mime === 'application/pdf' ? (
            <PdfView doc={state.doc} view={view} />
          ) : (
            <ImageView doc={state.doc} view={view} alt={title ?? ''} />
          )
        ) : state.status === 'error' ? (
          <Alert color="red" m="md">
            {t('viewer.failed', { message: state.message })}
          </Alert>
        ) : (
          <Center h="100%">
            <Stack align="center" gap="xs">
              <Loader size="sm" />
              <Text size="sm" c="dimmed">
                {state.status === 'downloading' ? t('viewer.notDownloaded') : t('viewer.loading')}
              </Text>
            </Stack>
          </Center>
        )}
      </Box>
    </Stack>
  );
}

function ImageView({ doc, view, alt }: { doc: LoadedDocument; view: View; alt: string }) {
  const sideways = view.rotation % 180 !== 0;
  const style = view.fit
    ? { maxWidth: sideways ? '100cqh' : '100%', maxHeight: sideways ? '100cqw' : '100%', transform: `rotate(${view.rotation}deg)` }
    : { width: `${view.zoom * 100}%`, transform: `rotate(${view.rotation}deg)` };
  return (
    <Center h={view.fit ? '100%' : undefined} p="sm" style={{ containerType: 'size', minHeight: '100%' }}>
      <img src={doc.url} alt={alt} data-testid="document-image" style={{ ...style, transition: 'transform 120ms', boxShadow: '0 1px 6px rgba(0,0,0,.2)', background: 'white' }} />
    </Center>
  );
}

function PdfView({ doc, view }: { doc: LoadedDocument; view: View }) {
  const { t } = useTranslation('components');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [pdf, setPdf] = useState<{ url: string; proxy: PDFDocumentProxy } | null>(null);
  const [page, setPage] = useState(1);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    openPdf(doc.bytes).then(
      (proxy) => {
        opened = proxy;
        if (cancelled) void proxy.destroy();
        else {
          setPdf({ url: doc.url, proxy });
          setPage(1);
        }
      },
      (e: unknown) => !cancelled && setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
      void opened?.destroy();
    };
  }, [doc]);

  useEffect(() => {
    if (!pdf || pdf.url !== doc.url || !canvasRef.current) return;
    let task: RenderTask | null = null;
    let cancelled = false;
    void pdf.proxy.getPage(page).then((p) => {
      if (cancelled || !canvasRef.current) return;
      const natural = p.getViewport({ scale: 1, rotation: view.rotation });
      const width = (boxRef.current?.clientWidth ?? 800) - 24;
      const scale = view.fit ? width / natural.width : view.zoom * 1.4;
      const viewport = p.getViewport({ scale: scale * window.devicePixelRatio, rotation: view.rotation });
      const canvas = canvasRef.current;
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.style.width = `${viewport.width / window.devicePixelRatio}px`;
      canvas.dataset.rendered = 'false';
      task = p.render({ canvas, viewport });
      // Lets tests and screenshots wait for a painted page.
      task.promise.then(() => (canvas.dataset.rendered = 'true'), () => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, doc.url, page, view]);

  if (failure) return <Alert color="red" m="md">{t('viewer.failed', { message: failure })}</Alert>;
  const pages = pdf?.proxy.numPages ?? 0;
  return (
    <Stack ref={boxRef} align="center" p="sm" gap="xs">
      {pages > 1 && (
        <Group gap="xs" style={{ position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-body)', borderRadius: 8, padding: '2px 8px' }}>
          <ActionIcon variant="subtle" aria-label={t('viewer.prevPage')} disabled={page <= 1} onClick={() => setPage((n) => n - 1)}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Text size="sm">{t('viewer.page', { page, pages })}</Text>
          <ActionIcon variant="subtle" aria-label={t('viewer.nextPage')} disabled={page >= pages} onClick={() => setPage((n) => n + 1)}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
      )}
      <canvas ref={canvasRef} data-testid="pdf-canvas" style={{ boxShadow: '0 1px 6px rgba(0,0,0,.2)', background: 'white' }} />
    </Stack>
  );
}
