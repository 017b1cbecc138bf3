package city.trace.label;

import java.awt.image.BufferedImage;
import java.util.Map;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * Reads a QR code from an image as a phone would: finds it, binarises it, corrects errors. zxing's finder-pattern
 * search misses about 3 in 1,000 valid codes (data modules that look like finder patterns); for those the
 * clean, unrotated images the app draws are read module by module instead, still with error correction.
 */
public final class QrScan {

    private QrScan() {
    }

    static Result scan(BufferedImage image) throws ReaderException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true));
        } catch (NotFoundException finderPatternsMissed) {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, true));
        }
    }

    public static String text(BufferedImage image) throws ReaderException {
        return scan(image).getText();
    }

    static Object errorCorrectionLevel(BufferedImage image) throws ReaderException {
        return scan(image).getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL);
    }
}
