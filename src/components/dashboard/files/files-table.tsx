"use client";

import { Download, Trash2 } from "lucide-react";
import { HiddenTableHead } from "@/components/common/hidden-table-head";
import { fileTypeLabel } from "@/components/files/describe-file-type";
import { formatBytes } from "@/shared/format-bytes";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { downloadHref, type FileItem } from "../dashboard-types";
import { LocalTime } from "../local-time";
import { FileThumbnail } from "./file-thumbnail";

type FilesTableProps = {
  files: readonly FileItem[];
  selectedIds: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
  onToggleAll: (checked: boolean) => void;
  onDelete: (file: FileItem) => void;
};

/** The page of files: select, preview, name, type, size, date, download and delete. */
export function FilesTable({ files, selectedIds, onToggle, onToggleAll, onDelete }: FilesTableProps) {
  const selectedCount = files.filter((file) => selectedIds.has(file.id)).length;
  const allState = selectedCount === 0 ? false : selectedCount === files.length ? true : "indeterminate";
  return (
    <Table aria-label="Files">
      <TableHeader>
        <TableRow>
          <TableHead className="w-8">
            <Checkbox aria-label="Select all files on this page" checked={allState} onCheckedChange={(checked) => onToggleAll(checked === true)} />
          </TableHead>
          <HiddenTableHead className="w-12">Preview</HiddenTableHead>
          <TableHead>Name</TableHead>
          <TableHead>Type</TableHead>
          <TableHead className="text-right">Size</TableHead>
          <TableHead>Added</TableHead>
          <HiddenTableHead className="text-right">Actions</HiddenTableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {files.map((file) => {
          const selected = selectedIds.has(file.id);
          return (
            <TableRow key={file.id} data-state={selected ? "selected" : undefined}>
              <TableCell>
                <Checkbox aria-label={`Select ${file.name}`} checked={selected} onCheckedChange={(checked) => onToggle(file.id, checked === true)} />
              </TableCell>
              <TableCell>
                <FileThumbnail id={file.id} mimeType={file.mimeType} />
              </TableCell>
              <TableCell className="max-w-72 truncate font-medium" title={file.name}>
                {file.name}
              </TableCell>
              <TableCell>{fileTypeLabel(file.mimeType)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatBytes(file.size)}</TableCell>
              <TableCell className="text-muted-foreground">
                <LocalTime date={file.createdAt} />
              </TableCell>
              <TableCell className="text-right">
                <div className="flex justify-end gap-1">
                  <Button asChild variant="ghost" size="icon" title="Download">
                    <a href={downloadHref(file.id)} download={file.name} aria-label={`Download ${file.name}`}>
                      <Download aria-hidden />
                    </a>
                  </Button>
                  <Button variant="ghost" size="icon" title="Delete" aria-label={`Delete ${file.name}`} onClick={() => onDelete(file)}>
                    <Trash2 aria-hidden />
                  </Button>
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
