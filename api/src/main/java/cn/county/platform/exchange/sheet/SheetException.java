package cn.county.platform.exchange.sheet;

/**
 * A file that cannot be read as a spreadsheet: not one, a formula, a zip bomb, an
 * unreadable charset. The message is shown to the uploader as it is (Chinese, with
 * English in brackets), so it says what to fix.
 */
public class SheetException extends Exception {

	public SheetException(String message) {
		super(message);
	}

	public SheetException(String message, Throwable cause) {
		super(message, cause);
	}

}
