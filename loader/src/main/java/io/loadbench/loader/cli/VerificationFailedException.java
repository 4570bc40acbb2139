package io.loadbench.loader.cli;

/** Verification measured something outside its tolerance; the numbers were already printed. */
final class VerificationFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    VerificationFailedException(String message) {
        super(message);
    }
}
