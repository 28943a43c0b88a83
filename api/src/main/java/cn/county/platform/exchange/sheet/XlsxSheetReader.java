package cn.county.platform.exchange.sheet;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook through POI's event API: one SAX pass, shared
 * strings read-only, so memory stays flat for millions of rows. A formula anywhere is
 * refused: an import takes values a person typed, not values a spreadsheet computed (and
 * a cached result may be stale).
 */
final class XlsxSheetReader implements SheetReader {

	private final Path file;

	private final SheetReaderLimits limits;

	XlsxSheetReader(Path file, SheetReaderLimits limits) {
		this.file = file;
		this.limits = limits;
	}

	@Override
	public String charset() {
		return null;
	}

	@Override
	public void read(RowHandler handler) throws SheetException {
		ZipSecureFile.setMinInflateRatio(this.limits.minInflateRatio());
		ZipSecureFile.setMaxEntrySize(this.limits.maxEntryBytes());
		File source = this.file.toFile();
		try (OPCPackage pkg = OPCPackage.open(source, PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new SheetException("工作簿中没有工作表（the workbook has no sheet）");
			}
			try (InputStream sheet = sheets.next()) {
				Rows rows = new Rows(handler);
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new FormulaRefusingHandler(reader.getStylesTable(), strings, rows));
				parser.parse(new InputSource(sheet));
				rows.flush();
			}
		}
		catch (SheetException ex) {
			throw ex;
		}
		catch (StopReading ex) {
			// the handler has read enough
		}
		catch (HandlerFailure ex) {
			throw ex.unwrap();
		}
		catch (NotOfficeXmlFileException | InvalidOperationException | OpenXML4JException ex) {
			throw new SheetException("文件不是 xlsx 电子表格（not an xlsx workbook）: " + ex.getMessage(), ex);
		}
		catch (IOException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw problem(ex);
		}
	}

	private static SheetException problem(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HandlerFailure failure) {
				return failure.sheetException();
			}
			String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("zip bomb") || message.contains("max entry size")) {
				return new SheetException("文件解压后过大，疑似压缩炸弹（the workbook inflates beyond the limits: a zip bomb）", ex);
			}
		}
		return new SheetException("xlsx 文件已损坏，无法读取（the workbook is damaged）: " + ex.getMessage(), ex);
	}

	/**
	 * Collects the cells of a row in column order (POI skips empty cells) and hands full
	 * rows on.
	 */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler handler;

		private List<String> cells = new ArrayList<>();

		private int rowNumber = -1;

		Rows(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			this.rowNumber = rowNum + 1;
			this.cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			Row row = new Row(this.rowNumber, List.copyOf(this.cells));
			this.rowNumber = -1;
			if (!row.isBlank()) {
				try {
					this.handler.row(row);
				}
				catch (StopReading ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new HandlerFailure(ex);
				}
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.cells.size();
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			this.cells.add((value != null) ? value.strip() : "");
		}

		void flush() {
		}

	}

	/**
	 * POI's sheet handler, stopping at the first {@code <f>} (formula) element with the
	 * cell it belongs to.
	 */
	private static final class FormulaRefusingHandler extends XSSFSheetXMLHandler {

		private String cell;

		FormulaRefusingHandler(org.apache.poi.xssf.model.Styles styles, ReadOnlySharedStringsTable strings,
				SheetContentsHandler rows) {
			super(styles, null, strings, rows, new DataFormatter(Locale.ROOT), false);
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			String name = (localName != null && !localName.isEmpty()) ? localName : qName;
			if ("c".equals(name)) {
				this.cell = attributes.getValue("r");
			}
			else if ("f".equals(name)) {
				throw new HandlerFailure(new SheetException("单元格 " + this.cell + " 含有公式，请改为数值后再上传（cell " + this.cell
						+ " holds a formula: paste values instead）"));
			}
			super.startElement(uri, localName, qName, attributes);
		}

	}

	/**
	 * Carries a handler's exception through the SAX parser, which only lets runtime
	 * exceptions pass.
	 */
	static final class HandlerFailure extends RuntimeException {

		HandlerFailure(Exception cause) {
			super(cause);
		}

		SheetException sheetException() {
			return (getCause() instanceof SheetException sheet) ? sheet
					: new SheetException(String.valueOf(getCause().getMessage()), getCause());
		}

		RuntimeException unwrapRuntime() {
			return (getCause() instanceof RuntimeException runtime) ? runtime : this;
		}

		SheetException unwrap() throws SheetException {
			if (getCause() instanceof SheetException sheet) {
				return sheet;
			}
			throw unwrapRuntime();
		}

	}

}
