package cn.county.platform.exchange.sheet;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV upload through Commons CSV. The charset is found from the bytes: a UTF-8
 * byte-order mark, else UTF-8 when the whole file decodes as UTF-8, else GB18030 (a
 * superset of GBK and GB2312, what Excel on Chinese Windows writes). A NUL byte means a
 * binary file, not CSV. A cell starting with {@code =} is a formula to a spreadsheet and
 * is refused; the quote mark {@link CsvSheetWriter} puts before such text is taken off
 * again.
 */
final class CsvSheetReader implements SheetReader {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private final Path file;

	private Charset charset;

	private boolean bom;

	CsvSheetReader(Path file) throws SheetException {
		this.file = file;
		detect();
	}

	@Override
	public String charset() {
		return this.charset.name() + (this.bom ? " (BOM)" : "");
	}

	private void detect() throws SheetException {
		CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		boolean validUtf8 = true;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(this.file), 65536)) {
			byte[] buffer = new byte[65536];
			ByteBuffer bytes = ByteBuffer.allocate(65536 + 8);
			CharBuffer chars = CharBuffer.allocate(65536 + 8);
			boolean first = true;
			int read;
			while ((read = in.read(buffer)) > 0) {
				int start = 0;
				if (first) {
					first = false;
					if (read >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
							&& (buffer[2] & 0xFF) == 0xBF) {
						this.bom = true;
						start = 3;
					}
					else if (read >= 2 && ((buffer[0] & 0xFF) == 0xFF && (buffer[1] & 0xFF) == 0xFE
							|| (buffer[0] & 0xFF) == 0xFE && (buffer[1] & 0xFF) == 0xFF)) {
						throw new SheetException(
								"不支持 UTF-16 文本，请另存为 CSV（UTF-8）或 xlsx（UTF-16 text: save as CSV UTF-8 or xlsx）");
					}
				}
				for (int i = start; i < read; i++) {
					if (buffer[i] == 0) {
						throw new SheetException("文件不是电子表格（not a spreadsheet: binary content）");
					}
				}
				if (validUtf8) {
					bytes.put(buffer, start, read - start);
					bytes.flip();
					CoderResult result = utf8.decode(bytes, chars, false);
					chars.clear();
					if (result.isError()) {
						validUtf8 = false;
					}
					bytes.compact();
				}
			}
			if (validUtf8) {
				bytes.flip();
				if (utf8.decode(bytes, chars, true).isError() || bytes.hasRemaining()) {
					validUtf8 = false;
				}
			}
		}
		catch (IOException ex) {
			throw new SheetException("文件无法读取（the file cannot be read）", ex);
		}
		if (this.bom && !validUtf8) {
			throw new SheetException("文件以 UTF-8 标记开头，但内容不是 UTF-8（a UTF-8 byte-order mark, but not UTF-8）");
		}
		this.charset = validUtf8 ? StandardCharsets.UTF_8 : GB18030;
		if (!validUtf8) {
			checkDecodes(GB18030);
		}
	}

	private void checkDecodes(Charset candidate) throws SheetException {
		CharsetDecoder decoder = candidate.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader reader = new InputStreamReader(Files.newInputStream(this.file), decoder)) {
			char[] buffer = new char[65536];
			while (reader.read(buffer) >= 0) {
				// decoding is the check
			}
		}
		catch (CharacterCodingException ex) {
			throw new SheetException("文件既不是 UTF-8 也不是 GBK/GB18030 文本（neither UTF-8 nor GBK text）", ex);
		}
		catch (IOException ex) {
			throw new SheetException("文件无法读取（the file cannot be read）", ex);
		}
	}

	@Override
	public void read(RowHandler handler) throws SheetException {
		CSVFormat format = CSVFormat.EXCEL.builder().setIgnoreEmptyLines(true).get();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(this.file), 65536)) {
			if (this.bom) {
				in.skipNBytes(3);
			}
			try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, this.charset), format)) {
				int rowNumber = 0;
				for (CSVRecord record : parser) {
					rowNumber++;
					List<String> cells = new ArrayList<>(record.size());
					for (int i = 0; i < record.size(); i++) {
						String value = record.get(i).strip();
						if (value.startsWith("=")) {
							throw new SheetException("第 " + rowNumber + " 行第 " + (i + 1) + " 列含有公式，请改为数值后再上传（row "
									+ rowNumber + " holds a formula）");
						}
						if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
							value = value.substring(1);
						}
						cells.add(value);
					}
					Row row = new Row(rowNumber, cells);
					if (!row.isBlank()) {
						handler.row(row);
					}
				}
			}
		}
		catch (SheetException ex) {
			throw ex;
		}
		catch (StopReading ex) {
			// the handler has read enough
		}
		catch (UncheckedIOException ex) {
			throw new SheetException("CSV 格式错误（malformed CSV）: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new SheetException("CSV 格式错误（malformed CSV）: " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
