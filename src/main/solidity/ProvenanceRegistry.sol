// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// @title CityTrace provenance registry
/// @notice Consortium members anchor RFC 6962 Merkle roots of batches of EPCIS event hashes.
/// Anyone can then prove that an event was in an anchored batch with `verifyInclusion`.
/// The members govern themselves: admitting or removing a member and changing the threshold are proposals
/// that take effect once `threshold` current members approved them, within `VOTING_PERIOD`. No account
/// rules alone (unless the members set the threshold to 1).
/// The same vote governs who validates: each current member may nominate one validator node, and `getValidators`
/// is the validator-contract interface of Besu's QBFT (contract validator selection), so a QBFT network configured
/// with this registry's address takes its validator set from the current members' nominations.
contract ProvenanceRegistry {
    /// `anchor` reads only the first slot (id, active). A member keeps its id after removal, so older
    /// anchors still name it.
    struct Member {
        uint32 id;
        bool active;
        /// 1 + its position in `_current` while active
        uint32 position;
        bytes32 companyPrefixHash;
        string name;
    }

    /// One period of membership, and the decision behind it. Removal never deletes a term: it closes it.
    struct Term {
        uint64 admittedAt;
        /// 0 while the account is a member
        uint64 removedAt;
        /// 0 for a genesis member
        uint64 proposalId;
        /// approvals of current members, out of `electorate` members, when the admission took effect
        uint32 approvals;
        uint32 electorate;
    }

    enum Kind {
        Admit,
        Remove,
        SetThreshold
    }

    /// Expired is never stored: an open proposal past its deadline reads as Expired.
    enum Status {
        Open,
        Executed,
        Expired
    }

    struct Proposal {
        Kind kind;
        Status status;
        uint32 threshold;
        uint64 deadline;
        address account;
        address proposer;
        uint32 approvals;
        uint32 electorate;
        bytes32 companyPrefixHash;
        string name;
        /// everyone who voted; only those still members count when the proposal is decided
        address[] voters;
    }

    /// @notice Proposals are decided by timestamp, not blocks: a week stays a week whatever the block period.
    uint64 public constant VOTING_PERIOD = 7 days;

    uint32 public threshold;
    uint64 public proposalCount;

    mapping(address account => Member) private _members;
    /// _memberAccounts[id - 1] is the account of member `id`.
    address[] private _memberAccounts;
    address[] private _current;
    mapping(address account => Term[]) private _terms;
    mapping(uint64 id => Proposal) private _proposals;
    mapping(uint64 id => mapping(address voter => bool)) private _voted;
    /// One storage word per anchor keeps `anchor` cheap, packed by hand: bits 0-63 block number, 64-127 timestamp,
    /// 128-191 leaf count, 192-223 member id (an address would not fit). As a struct, the optimizer wrote it
    /// field by field once the contract grew: 1,000 gas more per anchor.
    mapping(bytes32 root => uint256) private _anchors;
    /// Declared after `_anchors` so the anchoring path's storage stays where it was.
    mapping(address member => address node) private _validatorOf;
    mapping(address node => address member) private _nominatedBy;
    /// current members with a validator nominated
    uint32 private _validatorCount;

    /// @notice `batchRef` is recorded in this event only: storing it would take a second slot (+20,000 gas).
    event Anchored(bytes32 indexed root, address indexed member, uint64 leafCount, bytes32 batchRef);
    event Proposed(uint64 indexed id, Kind kind, address indexed account, string name, bytes32 companyPrefixHash,
        uint32 threshold, address indexed proposer, uint64 deadline);
    event Voted(uint64 indexed id, address indexed voter, uint32 approvals);
    event Executed(uint64 indexed id, uint32 approvals, uint32 electorate);
    event Expired(uint64 indexed id);
    /// `proposalId` 0: a genesis member
    event MemberAdmitted(address indexed account, string name, bytes32 companyPrefixHash, uint64 proposalId);
    event MemberRemoved(address indexed account, uint64 proposalId);
    event ThresholdChanged(uint32 threshold, uint64 proposalId);
    /// `node` 0: the member withdrew its validator, or was removed
    event ValidatorNominated(address indexed member, address indexed node, address previous);

    error NotMember(address account);
    error AlreadyMember(address account);
    error ZeroAddress();
    error GenesisMismatch();
    /// A threshold must be at least 1 and at most the number of members (after a removal, too).
    error InvalidThreshold(uint32 threshold, uint256 members);
    error UnknownProposal(uint64 id);
    error ProposalNotOpen(uint64 id, Status status);
    error VotingUnderway(uint64 id, uint64 deadline);
    error AlreadyVoted(uint64 id, address voter);
    error NotEnoughApprovals(uint64 id, uint32 approvals, uint32 threshold);
    error EmptyBatch();
    /// A resubmitted batch ends here: the root is on chain already, which is what the sender wanted.
    error RootAlreadyAnchored(bytes32 root);
    /// One node validates for one member: a node another member nominated is refused.
    error ValidatorTaken(address node, address member);
    /// Once validators were nominated, the set never becomes empty: a QBFT network without validators halts.
    error LastValidator(address node);

    modifier onlyMember() {
        if (!_members[msg.sender].active) revert NotMember(msg.sender);
        _;
    }

    /// @param genesisValidators empty, or one validator node per genesis member (0: none), so that a QBFT network can
    /// take its validators from the registry as of its first block
    constructor(
        address[] memory genesis,
        string[] memory names,
        bytes32[] memory companyPrefixHashes,
        uint32 threshold_,
        address[] memory genesisValidators
    ) {
        if (names.length != genesis.length || companyPrefixHashes.length != genesis.length) revert GenesisMismatch();
        if (genesisValidators.length != 0 && genesisValidators.length != genesis.length) revert GenesisMismatch();
        for (uint256 i = 0; i < genesis.length; ++i) {
            _admit(genesis[i], names[i], companyPrefixHashes[i], 0, 0, 0);
        }
        for (uint256 i = 0; i < genesisValidators.length; ++i) {
            _nominate(genesis[i], genesisValidators[i]);
        }
        _setThreshold(threshold_, genesis.length, 0);
    }

    // ---- governance ----

    /// @notice Proposes to admit `account` for the organisation `name` whose GS1 company prefix hashes to
    /// `companyPrefixHash`; the proposer's vote counts at once. Returns the proposal's id.
    function proposeAdmission(address account, string calldata name, bytes32 companyPrefixHash)
        external
        onlyMember
        returns (uint64)
    {
        if (account == address(0)) revert ZeroAddress();
        if (_members[account].active) revert AlreadyMember(account);
        return _propose(Kind.Admit, account, name, companyPrefixHash, 0);
    }

    function proposeRemoval(address account) external onlyMember returns (uint64) {
        if (!_members[account].active) revert NotMember(account);
        _requireValidThreshold(threshold, _current.length - 1);
        _requireNotLastValidator(account);
        return _propose(Kind.Remove, account, "", bytes32(0), 0);
    }

    function proposeThreshold(uint32 newThreshold) external onlyMember returns (uint64) {
        _requireValidThreshold(newThreshold, _current.length);
        return _propose(Kind.SetThreshold, address(0), "", bytes32(0), newThreshold);
    }

    /// @notice Approves an open proposal; it takes effect in this transaction when the approvals reach the threshold.
    function vote(uint64 id) external onlyMember {
        Proposal storage p = _open(id);
        if (_voted[id][msg.sender]) revert AlreadyVoted(id, msg.sender);
        _voted[id][msg.sender] = true;
        p.voters.push(msg.sender);
        uint32 approvals = _approvals(p);
        emit Voted(id, msg.sender, approvals);
        if (approvals >= threshold) _execute(id, p, approvals);
    }

    /// @notice Carries out a proposal that has enough approvals without a new vote: after the threshold was
    /// lowered, for instance.
    function execute(uint64 id) external onlyMember {
        Proposal storage p = _open(id);
        uint32 approvals = _approvals(p);
        if (approvals < threshold) revert NotEnoughApprovals(id, approvals, threshold);
        _execute(id, p, approvals);
    }

    /// @notice Records that a proposal passed its deadline undecided (it reads as Expired already; this emits
    /// the event). Anyone may call it.
    function expire(uint64 id) external {
        Proposal storage p = _proposal(id);
        if (p.status != Status.Open) revert ProposalNotOpen(id, p.status);
        if (block.timestamp <= p.deadline) revert VotingUnderway(id, p.deadline);
        p.status = Status.Expired;
        emit Expired(id);
    }

    /// @notice Nominates `node` as the calling member's validator, replacing its previous one; address(0) withdraws
    /// it. Takes effect at once, without a vote: admitting the member was the vote.
    function nominateValidator(address node) external onlyMember {
        _nominate(msg.sender, node);
    }

    /// @notice Besu QBFT's validator-contract interface: the nodes nominated by the current members, in no particular
    /// order, each once.
    function getValidators() external view returns (address[] memory validators) {
        validators = new address[](_validatorCount);
        uint256 found = 0;
        for (uint256 i = 0; i < _current.length; ++i) {
            address node = _validatorOf[_current[i]];
            if (node != address(0)) validators[found++] = node;
        }
    }

    /// @notice The validator node `member` nominated; address(0) when none (or when it is no member).
    function validatorOf(address member) external view returns (address) {
        return _validatorOf[member];
    }

    // ---- governance views ----

    function isMember(address account) external view returns (bool) {
        return _members[account].active;
    }

    /// @notice The current members, in no particular order.
    function members() external view returns (address[] memory) {
        return _current;
    }

    /// @notice What the registry knows of an account that is or was a member (empty name when never).
    function memberInfo(address account) external view returns (bool active, string memory name, bytes32 companyPrefixHash) {
        Member storage m = _members[account];
        return (m.active, m.name, m.companyPrefixHash);
    }

    /// @notice Was `account` a member at any moment of block `blockNumber`? True in the block that removed it:
    /// an anchor mined in that block before the removal was a member's anchor.
    function wasMemberAt(address account, uint64 blockNumber) external view returns (bool) {
        (bool wasMember,,,,,) = membershipAt(account, blockNumber);
        return wasMember;
    }

    /// @notice The membership term of `account` covering block `blockNumber`, and who decided it: admitted in
    /// block `admittedAt` by proposal `proposalId` with `approvals` of `electorate` members (proposal 0:
    /// a genesis member); `removedAt` 0 while still a member.
    function membershipAt(address account, uint64 blockNumber)
        public
        view
        returns (
            bool wasMember,
            uint64 admittedAt,
            uint64 removedAt,
            uint64 proposalId,
            uint32 approvals,
            uint32 electorate
        )
    {
        Term[] storage terms = _terms[account];
        // terms are in order: the latest one admitted by that block decides
        for (uint256 i = terms.length; i > 0; --i) {
            Term memory t = terms[i - 1];
            if (t.admittedAt <= blockNumber) {
                if (t.removedAt != 0 && t.removedAt < blockNumber) break;
                return (true, t.admittedAt, t.removedAt, t.proposalId, t.approvals, t.electorate);
            }
        }
        return (false, 0, 0, 0, 0, 0);
    }

    /// @notice A proposal as it stands: `approvals` is what decided it once executed (of `electorate` members
    /// then; 0 before), otherwise the voters who are still members.
    function proposal(uint64 id)
        external
        view
        returns (
            Kind kind,
            Status status,
            address account,
            string memory name,
            bytes32 companyPrefixHash,
            uint32 newThreshold,
            address proposer,
            uint64 deadline,
            uint32 approvals,
            uint32 electorate
        )
    {
        Proposal storage p = _proposal(id);
        Status s = _status(p);
        return (p.kind, s, p.account, p.name, p.companyPrefixHash, p.threshold, p.proposer, p.deadline,
            s == Status.Executed ? p.approvals : _approvals(p), p.electorate);
    }

    function hasVoted(uint64 id, address voter) external view returns (bool) {
        return _voted[id][voter];
    }

    // ---- anchoring ----

    /// @notice Records a Merkle root (MTH of `leafCount` leaves) for the calling member.
    function anchor(bytes32 root, uint64 leafCount, bytes32 batchRef) external {
        Member storage m = _members[msg.sender];
        if (!m.active) revert NotMember(msg.sender);
        if (leafCount == 0) revert EmptyBatch();
        if (_anchors[root] != 0) revert RootAlreadyAnchored(root);
        _anchors[root] = block.number | (block.timestamp << 64) | (uint256(leafCount) << 128) | (uint256(m.id) << 192);
        emit Anchored(root, msg.sender, leafCount, batchRef);
    }

    /// @return blockNumber 0 when the root was never anchored. A root stays anchored, and names its member,
    /// after that member was removed.
    function anchorOf(bytes32 root)
        external
        view
        returns (uint64 blockNumber, uint64 timestamp, address member, uint64 leafCount)
    {
        uint256 a = _anchors[root];
        if (a == 0) return (0, 0, address(0), 0);
        return (uint64(a), uint64(a >> 64), _memberAccounts[uint32(a >> 192) - 1], uint64(a >> 128));
    }

    /// @notice RFC 9162 section 2.1.3.2: does `path` prove that `leafHash` is leaf `index` of the
    /// tree of `treeSize` leaves with root `root`? `leafHash` is the RFC 6962 leaf hash SHA-256(0x00 || data).
    /// This checks the proof only; whether `root` is anchored is `anchorOf(root)`.
    function verifyInclusion(bytes32 leafHash, uint256 index, uint256 treeSize, bytes32[] calldata path, bytes32 root)
        external
        pure
        returns (bool)
    {
        if (index >= treeSize) return false;
        uint256 fn = index;
        uint256 sn = treeSize - 1;
        bytes32 r = leafHash;
        for (uint256 i = 0; i < path.length; ++i) {
            if (sn == 0) return false;
            if (fn & 1 == 1 || fn == sn) {
                r = _nodeHash(path[i], r);
                // the right edge of an uneven tree: climb past the levels where this node has no sibling
                while (fn & 1 == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = _nodeHash(r, path[i]);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && r == root;
    }

    // ---- internals ----

    function _propose(Kind kind, address account, string memory name, bytes32 companyPrefixHash, uint32 newThreshold)
        private
        returns (uint64 id)
    {
        id = ++proposalCount;
        Proposal storage p = _proposals[id];
        p.kind = kind;
        p.threshold = newThreshold;
        p.deadline = uint64(block.timestamp) + VOTING_PERIOD;
        p.account = account;
        p.proposer = msg.sender;
        p.companyPrefixHash = companyPrefixHash;
        p.name = name;
        emit Proposed(id, kind, account, name, companyPrefixHash, newThreshold, msg.sender, p.deadline);
        // proposing is approving: with threshold 1 the proposal takes effect at once
        _voted[id][msg.sender] = true;
        p.voters.push(msg.sender);
        emit Voted(id, msg.sender, 1);
        if (threshold == 1) _execute(id, p, 1);
    }

    /// Checks again what the proposal checked: another proposal may have changed the members meanwhile.
    /// A proposal that no longer applies reverts here and, unexecutable, expires.
    function _execute(uint64 id, Proposal storage p, uint32 approvals) private {
        uint32 electorate = uint32(_current.length);
        p.status = Status.Executed;
        p.approvals = approvals;
        p.electorate = electorate;
        if (p.kind == Kind.Admit) {
            _admit(p.account, p.name, p.companyPrefixHash, id, approvals, electorate);
        } else if (p.kind == Kind.Remove) {
            _remove(p.account, id);
        } else {
            _setThreshold(p.threshold, electorate, id);
        }
        emit Executed(id, approvals, electorate);
    }

    function _admit(
        address account,
        string memory name,
        bytes32 companyPrefixHash,
        uint64 proposalId,
        uint32 approvals,
        uint32 electorate
    ) private {
        if (account == address(0)) revert ZeroAddress();
        Member storage m = _members[account];
        if (m.active) revert AlreadyMember(account);
        if (m.id == 0) {
            _memberAccounts.push(account);
            m.id = uint32(_memberAccounts.length);
        }
        _current.push(account);
        m.active = true;
        m.position = uint32(_current.length);
        m.name = name;
        m.companyPrefixHash = companyPrefixHash;
        _terms[account].push(Term(uint64(block.number), 0, proposalId, approvals, electorate));
        emit MemberAdmitted(account, name, companyPrefixHash, proposalId);
    }

    function _remove(address account, uint64 proposalId) private {
        Member storage m = _members[account];
        if (!m.active) revert NotMember(account);
        _requireValidThreshold(threshold, _current.length - 1);
        // its validator leaves the set with it; readmitted, it nominates again
        _nominate(account, address(0));
        // swap with the last member and pop: the order of `members()` is not kept
        address last = _current[_current.length - 1];
        _current[m.position - 1] = last;
        _members[last].position = m.position;
        _current.pop();
        m.active = false;
        m.position = 0;
        Term[] storage terms = _terms[account];
        terms[terms.length - 1].removedAt = uint64(block.number);
        emit MemberRemoved(account, proposalId);
    }

    function _nominate(address member, address node) private {
        address previous = _validatorOf[member];
        if (previous == node) return;
        if (node != address(0)) {
            address holder = _nominatedBy[node];
            if (holder != address(0)) revert ValidatorTaken(node, holder);
            _nominatedBy[node] = member;
        }
        if (previous != address(0)) {
            delete _nominatedBy[previous];
        } else {
            ++_validatorCount;
        }
        if (node == address(0)) {
            _requireNotLastValidator(member);
            --_validatorCount;
        }
        _validatorOf[member] = node;
        emit ValidatorNominated(member, node, previous);
    }

    function _requireNotLastValidator(address member) private view {
        address node = _validatorOf[member];
        if (node != address(0) && _validatorCount == 1) revert LastValidator(node);
    }

    function _setThreshold(uint32 newThreshold, uint256 memberCount, uint64 proposalId) private {
        _requireValidThreshold(newThreshold, memberCount);
        threshold = newThreshold;
        emit ThresholdChanged(newThreshold, proposalId);
    }

    function _requireValidThreshold(uint32 value, uint256 memberCount) private pure {
        if (value == 0 || value > memberCount) revert InvalidThreshold(value, memberCount);
    }

    /// Votes of accounts removed since they voted no longer count.
    function _approvals(Proposal storage p) private view returns (uint32 count) {
        address[] storage voters = p.voters;
        for (uint256 i = 0; i < voters.length; ++i) {
            if (_members[voters[i]].active) ++count;
        }
    }

    function _open(uint64 id) private view returns (Proposal storage p) {
        p = _proposal(id);
        Status s = _status(p);
        if (s != Status.Open) revert ProposalNotOpen(id, s);
    }

    function _proposal(uint64 id) private view returns (Proposal storage p) {
        p = _proposals[id];
        if (p.deadline == 0) revert UnknownProposal(id);
    }

    function _status(Proposal storage p) private view returns (Status) {
        if (p.status == Status.Open && block.timestamp > p.deadline) return Status.Expired;
        return p.status;
    }

    function _nodeHash(bytes32 left, bytes32 right) private pure returns (bytes32) {
        return sha256(abi.encodePacked(bytes1(0x01), left, right));
    }
}
