package city.trace.chain.contract;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.web3j.protocol.ObjectMapperFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import tools.jackson.databind.JsonNode;

/**
 * The JSON-RPC calls a contract binding needs, with one error policy: a revert becomes a
 * {@link ContractRevertException} (decoded with the contract's errors), anything else a
 * {@link ChainRequestException}.
 */
final class ContractRpc {

    private final Web3j web3j;
    private final RevertDecoder reverts;

    ContractRpc(Web3j web3j, RevertDecoder reverts) {
        this.web3j = web3j;
        this.reverts = reverts;
    }

    /** eth_call on the latest block; returns the ABI-encoded result. */
    String call(String to, String data) {
        return call(Transaction.createEthCallTransaction(null, to, data), DefaultBlockParameterName.LATEST);
    }

    BigInteger estimateGas(String from, String to, String data) {
        return execute(web3j.ethEstimateGas(Transaction.createEthCallTransaction(from, to, data))).getAmountUsed();
    }

    /** eth_sendRawTransaction; returns the transaction hash the node computed. */
    String send(SignedTransaction transaction) {
        return execute(web3j.ethSendRawTransaction(transaction.rawTransaction())).getTransactionHash();
    }

    Optional<TransactionReceipt> receipt(String transactionHash) {
        return execute(web3j.ethGetTransactionReceipt(transactionHash)).getTransactionReceipt();
    }

    /** Polls until the transaction is mined; for tests and one-off tools (a worker polls on its own schedule). */
    TransactionReceipt awaitReceipt(String transactionHash, Duration timeout) {
        Duration interval = Duration.ofMillis(Math.clamp(timeout.toMillis() / 50, 20, 1000));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = receipt(transactionHash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() > deadline) {
                throw new ChainRequestException("no receipt for " + transactionHash + " within " + timeout);
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChainRequestException("interrupted while waiting for " + transactionHash, e);
            }
        }
    }

    /**
     * Returns a successful receipt; for a reverted one throws why. Receipts carry no revert data (Besu adds it
     * with --revert-reason-enabled), so the transaction is otherwise replayed with eth_call on the state after
     * its block: a root anchored meanwhile still gives RootAlreadyAnchored there.
     */
    TransactionReceipt requireSuccess(TransactionReceipt receipt) {
        if (receipt.isStatusOK()) {
            return receipt;
        }
        String reported = receipt.getRevertReason();
        if (reported != null && reported.startsWith("0x")) {
            throw reverts.decode(reported);
        }
        org.web3j.protocol.core.methods.response.Transaction sent = execute(
                web3j.ethGetTransactionByHash(receipt.getTransactionHash())).getTransaction()
                .orElseThrow(() -> new ChainRequestException("node does not know " + receipt.getTransactionHash()));
        call(Transaction.createEthCallTransaction(sent.getFrom(), sent.getTo(), sent.getInput()),
                DefaultBlockParameter.valueOf(receipt.getBlockNumber()));
        throw new ContractRevertException("transaction " + receipt.getTransactionHash()
                + " failed, but replaying it after its block succeeds (out of gas?)", null, List.of(), null);
    }

    BigInteger maxPriorityFeePerGas() {
        return execute(web3j.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
    }

    /** 0 also when blocks have no base fee (before London). */
    BigInteger latestBaseFee() {
        String baseFee = execute(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock()
                .getBaseFeePerGasRaw();
        return baseFee == null ? BigInteger.ZERO : Numeric.decodeQuantity(baseFee);
    }

    List<Log> logs(EthFilter filter) {
        return execute(web3j.ethGetLogs(filter)).getLogs().stream().map(result -> (Log) result.get()).toList();
    }

    private String call(Transaction call, DefaultBlockParameter block) {
        return execute(web3j.ethCall(call, block)).getValue();
    }

    <R extends Response<?>> R execute(Request<?, R> request) {
        R response;
        try {
            response = request.send();
        } catch (IOException e) {
            throw new ChainRequestException(request.getMethod() + " failed: " + e.getMessage(), e);
        }
        if (response.hasError()) {
            Response.Error error = response.getError();
            Optional<String> revertData = hexData(error);
            if (revertData.isPresent()) {
                throw reverts.decode(revertData.get());
            }
            if (error.getMessage() != null && error.getMessage().contains("revert")) {
                throw new ContractRevertException(error.getMessage(), null, List.of(), null);
            }
            throw new ChainRequestException(request.getMethod() + ": " + error.getCode() + " " + error.getMessage());
        }
        return response;
    }

    /** The error's {@code data} when it is a hex string (web3j keeps {@code data} as JSON text, quotes included). */
    private static Optional<String> hexData(Response.Error error) {
        if (error.getData() == null) {
            return Optional.empty();
        }
        JsonNode data = ObjectMapperFactory.getObjectMapper().readTree(error.getData());
        return data.isString() && data.asString().startsWith("0x") ? Optional.of(data.asString()) : Optional.empty();
    }
}
