// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// @title CityTrace provenance registry
/// @notice Consortium members anchor RFC 6962 Merkle roots of batches of EPCIS event hashes.
/// Anyone can then prove that an event was in an anchored batch with `verifyInclusion`.
contract ProvenanceRegistry {
    /// One storage slot per anchor keeps `anchor` cheap: the member is stored by its id
    /// (an address would not fit beside three 64-bit fields).
    struct Anchor {
        uint64 blockNumber;
        uint64 timestamp;
        uint64 leafCount;
        uint32 memberId;
    }

    /// A member keeps its id after removal, so older anchors still name it.
    struct Member {
        uint32 id;
        bool active;
    }

    address public admin;

    mapping(address account => Member) private _members;
    /// _memberAccounts[id - 1] is the account of member `id`.
    address[] private _memberAccounts;
    mapping(bytes32 root => Anchor) private _anchors;

    /// @notice `batchRef` is recorded in this event only: storing it would take a second slot (+20,000 gas).
    event Anchored(bytes32 indexed root, address indexed member, uint64 leafCount, bytes32 batchRef);
    event MemberAdded(address indexed account);
    event MemberRemoved(address indexed account);
    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);

    error NotAdmin(address caller);
    error NotMember(address account);
    error AlreadyMember(address account);
    error ZeroAddress();
    error EmptyBatch();
    /// A resubmitted batch ends here: the root is on chain already, which is what the sender wanted.
    error RootAlreadyAnchored(bytes32 root);

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin(msg.sender);
        _;
    }

    constructor() {
        admin = msg.sender;
        emit AdminTransferred(address(0), msg.sender);
    }

    function transferAdmin(address newAdmin) external onlyAdmin {
        if (newAdmin == address(0)) revert ZeroAddress();
        emit AdminTransferred(admin, newAdmin);
        admin = newAdmin;
    }

    function addMember(address account) external onlyAdmin {
        if (account == address(0)) revert ZeroAddress();
        Member memory member = _members[account];
        if (member.active) revert AlreadyMember(account);
        if (member.id == 0) {
            _memberAccounts.push(account);
            member.id = uint32(_memberAccounts.length);
        }
        _members[account] = Member(member.id, true);
        emit MemberAdded(account);
    }

    function removeMember(address account) external onlyAdmin {
        if (!_members[account].active) revert NotMember(account);
        _members[account].active = false;
        emit MemberRemoved(account);
    }

    function isMember(address account) external view returns (bool) {
        return _members[account].active;
    }

    /// @notice Records a Merkle root (MTH of `leafCount` leaves) for the calling member.
    function anchor(bytes32 root, uint64 leafCount, bytes32 batchRef) external {
        Member memory member = _members[msg.sender];
        if (!member.active) revert NotMember(msg.sender);
        if (leafCount == 0) revert EmptyBatch();
        if (_anchors[root].blockNumber != 0) revert RootAlreadyAnchored(root);
        _anchors[root] = Anchor(uint64(block.number), uint64(block.timestamp), leafCount, member.id);
        emit Anchored(root, msg.sender, leafCount, batchRef);
    }

    /// @return blockNumber 0 when the root was never anchored
    function anchorOf(bytes32 root)
        external
        view
        returns (uint64 blockNumber, uint64 timestamp, address member, uint64 leafCount)
    {
        Anchor memory a = _anchors[root];
        if (a.blockNumber == 0) return (0, 0, address(0), 0);
        return (a.blockNumber, a.timestamp, _memberAccounts[a.memberId - 1], a.leafCount);
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

    function _nodeHash(bytes32 left, bytes32 right) private pure returns (bytes32) {
        return sha256(abi.encodePacked(bytes1(0x01), left, right));
    }
}
